import { DEFAULT_WORKSPACE_ID } from "../workspace.ts";
import { whatsappConfig } from "./whatsapp/config.ts";
import { SANDBOX_CHANNEL } from "./sandbox.ts";

export const WHATSAPP_CHANNEL = "whatsapp";
export type Channel = typeof SANDBOX_CHANNEL | typeof WHATSAPP_CHANNEL;

/** The channel a workspace's runs send on: WhatsApp once configured (environment or settings), else the sandbox. */
export async function outboundChannel(workspaceId = DEFAULT_WORKSPACE_ID): Promise<Channel> {
  return (await whatsappConfig(workspaceId)) ? WHATSAPP_CHANNEL : SANDBOX_CHANNEL;
}
