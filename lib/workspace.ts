/**
 * The workspace the first migration creates: the owner's, the bootstrap admin's and key's, and
 * (until webhooks are routed by phone number) the one Meta's webhook feeds.
 */
export const DEFAULT_WORKSPACE_ID = "default";
