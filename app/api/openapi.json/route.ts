import { route } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi/openapi-document";

/** The API's OpenAPI 3.1 document (docs/api.md), built once per process. */
export const GET = route("read", async () => Response.json(openApiDocument()));
