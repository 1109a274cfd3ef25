import { clsx } from "clsx";
import type { ComponentProps } from "react";
import { fieldClass } from "./input";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={clsx(fieldClass, "min-h-24 py-2 leading-relaxed", className)} {...props} />;
}
