import type { Metadata } from "next";
import { ApiReferenceViewer } from "@/components/api-reference/api-reference-viewer";

export const metadata: Metadata = { title: "API reference · Replyflow" };

export default function Page() {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto bg-white">
      <div className="flex items-baseline justify-between border-b border-slate-200 px-6 py-3">
        <h1 className="text-lg font-semibold">API reference</h1>
        <a href="/api/openapi.json" className="text-sm text-brand-700 hover:underline">
          OpenAPI document (JSON)
        </a>
      </div>
      <ApiReferenceViewer />
    </div>
  );
}
