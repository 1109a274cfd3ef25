"use client";

import { ApiReferenceReact, type AnyApiReferenceConfiguration } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * Everything here stays on this server: the document comes from our own route, with the
 * session cookie; no fonts from Scalar's CDN, no proxy (requests from "Try it" go straight to
 * this origin), and the features that talk to Scalar's services (telemetry, its AI agent and
 * MCP offer, the developer toolbar) are off.
 */
const configuration: AnyApiReferenceConfiguration = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
};

export default function ScalarReference() {
  return <ApiReferenceReact configuration={configuration} />;
}
