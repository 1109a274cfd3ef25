/** The server's reasons for refusing a form, under it. */
export function IssueList({ id, issues }: { id: string; issues: string[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} role="alert" className="mt-1.5 space-y-0.5 text-xs text-red-600">
      {issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}
