import { z } from "zod";
import { uniqueIds } from "../unique-ids.ts";
import { defineNode } from "../node-definition.ts";
import { templatedText } from "../templated-text.ts";

/** WhatsApp's own limit for a text message body. */
export const MAX_TEXT_LENGTH = 4096;
/** WhatsApp's limits for reply buttons. */
export const MAX_BUTTONS = 3;
export const MAX_BUTTON_TITLE = 20;

const templateName = z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "Template names use lowercase letters, digits and underscores");

/** An approved template; a bare name is shorthand for `{name}` (DESIGN.md), "" for none. */
const templateSchema = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : { name: value }) : value),
  z
    .object({
      name: templateName,
      language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "Languages look like en_US or it").optional(),
      params: z.array(templatedText(1024)).max(20, "At most 20 parameters").optional(),
    })
    .optional(),
);

const buttonSchema = z.object({
  id: z.string().trim().min(1, "Give the button an id").max(64, "Button ids are at most 64 characters"),
  title: z.string().trim().min(1, "Give the button a title").max(MAX_BUTTON_TITLE, `Button titles are at most ${MAX_BUTTON_TITLE} characters`),
});
export type MessageButton = z.infer<typeof buttonSchema>;

export const sendMessageConfig = z.object({
  text: templatedText(MAX_TEXT_LENGTH).pipe(z.string().min(1, "Write the message")),
  /**
   * A template approved by WhatsApp: such a message may go out at any time; free text only within
   * 24 hours of the contact's last message. `text` is then what the editor and conversation show.
   */
  template: templateSchema.optional(),
  buttons: z
    .array(buttonSchema)
    .max(MAX_BUTTONS, `At most ${MAX_BUTTONS} buttons`)
    .superRefine(uniqueIds("Button"))
    .optional(),
});
export type SendMessageConfig = z.infer<typeof sendMessageConfig>;

export const sendMessage = defineNode({
  type: "sendMessage",
  label: "Send message",
  description: "Sends a text, an approved template or quick-reply buttons to the contact.",
  category: "Messages",
  config: sendMessageConfig,
  defaults: { text: "Hi {{contact.name | there}}!" },
  outputs: [{ id: "default", label: "Next", required: false }],
  acceptsInput: true,
});
