/** Every record belongs to a workspace; until accounts exist, all use the one the migration creates. */
export const DEFAULT_WORKSPACE_ID = "default";
