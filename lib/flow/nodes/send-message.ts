import { z } from "zod";
import { defineNode } from "../node-definition.ts";
import { templateFields, unknownFields } from "../template.ts";

/** WhatsApp's own limit for a text message body. */
export const MAX_TEXT_LENGTH = 4096;

export const sendMessageConfig = z.object({
  text: z
    .string()
    .trim()
    .min(1, "Write the message")
    .max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH} characters`)
    .superRefine((text, ctx) => {
      for (const name of unknownFields(text)) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown field {{${name}}}; use ${templateFields.map((f) => `{{${f}}}`).join(", ")}`,
        });
      }
    }),
  /**
   * Name of a template approved by WhatsApp: such a message may go out at any time; free text
   * only within 24 hours of the contact's last message.
   */
  template: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{1,512}$/, "Template names use lowercase letters, digits and underscores")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type SendMessageConfig = z.infer<typeof sendMessageConfig>;

export const sendMessage = defineNode({
  type: "sendMessage",
  label: "Send message",
  description: "Sends a text message to the contact.",
  config: sendMessageConfig,
  defaults: { text: "Hi {{contact.name | there}}!" },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
