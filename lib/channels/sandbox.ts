/**
 * The sandbox channel: outbound messages are stored and shown, nothing leaves the machine;
 * inbound messages arrive through POST /api/messages/inbound. The default channel.
 */
export const SANDBOX_CHANNEL = "sandbox";
