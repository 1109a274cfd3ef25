import { accountRoutes } from "./account-routes.ts";
import { automationRoutes } from "./automation-routes.ts";
import { contactRoutes } from "./contact-routes.ts";
import { conversationRoutes } from "./conversation-routes.ts";
import { invitationRoutes } from "./invitation-routes.ts";
import { messageRoutes } from "./message-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import type { RouteEntry } from "./route-entry.ts";
import { runRoutes } from "./run-routes.ts";
import { settingsRoutes } from "./settings-routes.ts";
import { simulatorRoutes } from "./simulator-routes.ts";
import { systemRoutes } from "./system-routes.ts";
import { webhookRoutes } from "./webhook-routes.ts";

/** Every documented operation; test/openapi.test.ts checks this against the files under app/api. */
export const apiRoutes: readonly RouteEntry[] = [
  ...automationRoutes,
  ...reportRoutes,
  ...simulatorRoutes,
  ...runRoutes,
  ...contactRoutes,
  ...messageRoutes,
  ...conversationRoutes,
  ...settingsRoutes,
  ...webhookRoutes,
  ...systemRoutes,
  ...accountRoutes,
  ...invitationRoutes,
];
