"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The area's tabs; on a narrow screen they wrap onto a second line rather than hide off the edge. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 sm:px-4" data-testid="area-nav">
      {items.map((item) => {
        const active = pathname === item.href || (item.href.split("/").length > 2 && pathname.startsWith(item.href));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-2 py-2 text-sm sm:px-3 ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
