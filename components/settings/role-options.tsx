import { ROLE_NAMES, ROLE_SUMMARIES, ROLES } from "@/components/account/role-words";

/** The four roles as <option>s; `described` adds what each may do. */
export function RoleOptions({ described = false }: { described?: boolean }) {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {described ? `${ROLE_NAMES[role]}: ${ROLE_SUMMARIES[role]}` : ROLE_NAMES[role]}
    </option>
  ));
}
