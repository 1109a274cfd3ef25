import type { ZodOpenApiSecuritySchemeObject } from "zod-openapi";

/**
 * better-auth's session cookie: `<cookiePrefix>.session_token`, with the prefix lib/auth/auth.ts
 * sets; better-auth puts `__Secure-` in front of it when the cookie is secure.
 */
export const SESSION_COOKIE = "replyflow.session_token";

export const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description: "API key from Settings → API keys: `Authorization: Bearer rf_...`. It acts with the role it was given.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: `The session of a signed-in user: the browser sends it by itself. Named \`__Secure-${SESSION_COOKIE}\` when the cookie is secure (https).`,
  },
} satisfies Record<string, ZodOpenApiSecuritySchemeObject>;

/** Either scheme will do. */
export const signedIn = Object.keys(securitySchemes).map((name) => ({ [name]: [] }));
