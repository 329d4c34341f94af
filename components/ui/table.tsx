import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type RowProps = { className?: string; children?: ReactNode; role?: string };
type CellProps = { label?: ReactNode; children?: ReactNode; className?: string };

/**
 * A table that becomes a list of cards on a phone: each row a card, each cell a line "label … value", so no
 * column (a status, an amount) ends up off-screen. From the `sm` width up it is a plain table that scrolls
 * sideways if it must. Each cell (Td) gets its column's heading as its phone label; the explicit ARIA roles
 * keep the table's meaning for screen readers when the phone layout changes the display of its parts.
 */
export function Table({ head, children, caption, numeric = [] }: { head: ReactNode[]; children: ReactNode; caption?: string; numeric?: number[] }) {
  const rows = Children.map(children, (row) => {
    if (!isValidElement<RowProps>(row) || row.type !== "tr") return row;
    const cells = Children.map(row.props.children, (cell, i) =>
      isValidElement<CellProps>(cell) && cell.type === Td && cell.props.label === undefined ? cloneElement(cell as ReactElement<CellProps>, { label: head[i] }) : cell,
    );
    return cloneElement(row, {
      role: "row",
      className: `block rounded-md border border-slate-200 bg-white px-3 py-2 sm:table-row sm:rounded-none sm:border-0 sm:p-0 ${row.props.className ?? ""}`,
      children: cells,
    });
  });
  // From the sm width up the table may scroll sideways: the scrolling box takes the keyboard focus (arrow keys
  // scroll it) and is named by the caption.
  return (
    <div
      className="rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 sm:overflow-x-auto"
      {...(caption ? { tabIndex: 0, role: "region", "aria-label": caption } : {})}
    >
      <table role="table" className="block w-full text-sm sm:table sm:min-w-full sm:divide-y sm:divide-slate-200">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="hidden bg-slate-50 sm:table-header-group">
          <tr role="row">
            {head.map((h, i) => (
              <th key={i} scope="col" role="columnheader" className={`whitespace-nowrap px-3 py-2 font-medium text-slate-600 ${numeric.includes(i) ? "text-right" : "text-left"}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block space-y-2 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-slate-100">{rows}</tbody>
      </table>
    </div>
  );
}

/**
 * One cell. On a phone it shows its column's label (given by Table) beside the value; `label={null}` shows none.
 * A cell whose value is empty is left out of the phone card.
 */
export function Td({ children, className = "", label }: CellProps) {
  const empty = children === null || children === undefined || (typeof children === "string" && children.trim() === "");
  return (
    <td role="cell" className={`${empty ? "hidden" : "flex"} items-baseline justify-between gap-3 py-0.5 text-slate-800 sm:table-cell sm:whitespace-nowrap sm:px-3 sm:py-2 ${className}`}>
      {label ? <span className="shrink-0 text-xs text-slate-500 sm:hidden">{label}</span> : null}
      <span className="min-w-0 break-words text-right">{children}</span>
    </td>
  );
}
