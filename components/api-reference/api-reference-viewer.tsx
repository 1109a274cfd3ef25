"use client";

import dynamic from "next/dynamic";

// Scalar renders with Vue in the browser and reads `window`: never on the server.
const ScalarReference = dynamic(() => import("./scalar-reference"), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-slate-500">Loading the API reference…</p>,
});

export function ApiReferenceViewer() {
  return <ScalarReference />;
}
