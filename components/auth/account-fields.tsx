"use client";

import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type AccountDraft = { name: string; email: string; password: string };
export const emptyAccount: AccountDraft = { name: "", email: "", password: "" };

type Props = {
  /** Prefix for the inputs' ids, unique on the page. */
  idPrefix: string;
  value: AccountDraft;
  onChange: (value: AccountDraft) => void;
  /** The server's words per field ("name", "email", "password"). */
  errors?: Partial<Record<keyof AccountDraft, string>>;
  /** An invitation bound to one address: the email is filled in and fixed. */
  fixedEmail?: string | null;
};

/** Name, Email and Password for a new account (10 to 128 characters, as the server asks). */
export function AccountFields({ idPrefix, value, onChange, errors = {}, fixedEmail }: Props) {
  const set = (key: keyof AccountDraft) => (text: string) => onChange({ ...value, [key]: text });
  const id = (key: string) => `${idPrefix}-${key}`;
  const passwordHint = "At least 10 characters.";
  return (
    <>
      <Field id={id("name")} label="Name" error={errors.name}>
        <Input
          id={id("name")}
          autoComplete="name"
          required
          maxLength={80}
          value={value.name}
          onChange={(event) => set("name")(event.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy(id("name"), { error: errors.name })}
        />
      </Field>
      <Field id={id("email")} label="Email" error={errors.email} hint={fixedEmail ? "This invitation is for this address." : undefined}>
        <Input
          id={id("email")}
          type="email"
          autoComplete="email"
          required
          maxLength={200}
          value={fixedEmail ?? value.email}
          readOnly={Boolean(fixedEmail)}
          onChange={(event) => set("email")(event.target.value)}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy(id("email"), { hint: fixedEmail, error: errors.email })}
        />
      </Field>
      <Field id={id("password")} label="Password" error={errors.password} hint={passwordHint}>
        <Input
          id={id("password")}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={128}
          value={value.password}
          onChange={(event) => set("password")(event.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy(id("password"), { hint: passwordHint, error: errors.password })}
        />
      </Field>
    </>
  );
}

/** The server's issues, by field of the account form; the rest in one line. */
export function accountErrors(issues: { path?: string; message: string }[]) {
  const byField: Partial<Record<keyof AccountDraft, string>> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    if (issue.path === "name" || issue.path === "email" || issue.path === "password") byField[issue.path] ??= issue.message;
    else rest.push(issue.message);
  }
  return { byField, rest };
}
