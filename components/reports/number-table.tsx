import type { ReactNode } from "react";

type Props = { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] };

/** A chart's numbers: the first column names the row, the others are right-aligned figures. */
export function NumberTable({ caption, columns, rows }: Props) {
  return (
    <table className="w-full min-w-max text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 text-xs font-medium text-slate-500">
        <tr>
          {columns.map((column, i) => (
            <th key={column} scope="col" className={i === 0 ? "py-1.5 pr-4" : "px-3 py-1.5 text-right"}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-1.5 pr-4 font-normal text-slate-700">
                  {cell}
                </th>
              ) : (
                <td key={i} className="px-3 py-1.5 text-right text-slate-900 tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
