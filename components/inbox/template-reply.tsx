"use client";

import { LayoutTemplate } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { errorMessage } from "@/components/runs/fetch-json";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { UsedTemplate } from "./inbox-schemas";
import { postReply } from "./post-reply";

type Props = { conversationId: string; templates: UsedTemplate[]; onSent: () => void };

const NAME = /^[a-z0-9_]{1,512}$/;
const LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

/**
 * Outside WhatsApp's 24-hour window only an approved template may go: one the workspace's
 * automations already send (picked from the list), or another typed by name and language.
 * Parameters fill the template's {{1}}, {{2}}..., one per line.
 */
export function TemplateReply({ conversationId, templates, onSent }: Props) {
  const first = templates[0];
  const [name, setName] = useState(first?.name ?? "");
  const [language, setLanguage] = useState(first?.language ?? "en_US");
  const [params, setParams] = useState("");
  const [busy, setBusy] = useState(false);
  const picked = templates.findIndex((t) => t.name === name && t.language === language);
  const valid = NAME.test(name.trim()) && LANGUAGE.test(language.trim());

  async function send() {
    if (!valid || busy) return;
    setBusy(true);
    try {
      const values = params.split("\n").map((p) => p.trim()).filter(Boolean);
      await postReply(conversationId, { template: { name: name.trim(), language: language.trim(), params: values } });
      setParams("");
      onSent();
    } catch (error) {
      toast.error("Couldn't send the template", { description: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      aria-label="Send a template"
      className="space-y-2 border-t border-slate-200 bg-white px-4 py-3"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <p className="text-xs text-amber-800">
        The contact has not written in the last 24 hours: WhatsApp allows only an approved template until they write again.
      </p>
      <div className="grid gap-2 sm:grid-cols-[1fr_1fr_8rem]">
        <div>
          <label htmlFor="inbox-template-pick" className="mb-1 block text-xs font-medium text-slate-600">
            Template
          </label>
          <Select
            id="inbox-template-pick"
            value={picked >= 0 ? String(picked) : ""}
            onChange={(event) => {
              const template = templates[Number(event.target.value)];
              if (template) {
                setName(template.name);
                setLanguage(template.language);
              }
            }}
          >
            <option value="">{templates.length ? "Another template…" : "No templates in use yet"}</option>
            {templates.map((t, i) => (
              <option key={`${t.name}:${t.language}`} value={String(i)}>
                {t.name} ({t.language})
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="inbox-template-name" className="mb-1 block text-xs font-medium text-slate-600">
            Template name
          </label>
          <Input id="inbox-template-name" value={name} placeholder="order_update" aria-invalid={name !== "" && !NAME.test(name.trim()) ? true : undefined} onChange={(event) => setName(event.target.value)} />
        </div>
        <div>
          <label htmlFor="inbox-template-language" className="mb-1 block text-xs font-medium text-slate-600">
            Language
          </label>
          <Input id="inbox-template-language" value={language} placeholder="en_US" aria-invalid={!LANGUAGE.test(language.trim()) ? true : undefined} onChange={(event) => setLanguage(event.target.value)} />
        </div>
      </div>
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor="inbox-template-params" className="mb-1 block text-xs font-medium text-slate-600">
            Parameters (one per line)
          </label>
          <Textarea id="inbox-template-params" value={params} rows={2} className="min-h-10 resize-none" onChange={(event) => setParams(event.target.value)} />
        </div>
        <Button type="submit" variant="primary" disabled={!valid || busy} aria-busy={busy || undefined}>
          <LayoutTemplate aria-hidden className="size-4" />
          Send template
        </Button>
      </div>
    </form>
  );
}
