import type { ReactNode } from "react";

type Props = { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The frame of the sign-in, sign-up, password and invitation pages: a centred card. */
export function AuthCard({ title, description, children, footer }: Props) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto w-full max-w-sm px-6 py-12">
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
          <h1 className="text-lg font-semibold tracking-tight text-slate-900">{title}</h1>
          {description && <div className="mt-1 text-sm text-slate-500">{description}</div>}
          <div className="mt-5">{children}</div>
        </div>
        {footer && <div className="mt-4 text-center text-sm text-slate-500">{footer}</div>}
      </div>
    </div>
  );
}

/** A form's error in words, read out when it appears. */
export function FormError({ id, children }: { id?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {children}
    </p>
  );
}
