import Link from "next/link";
import { site } from "@/lib/site/config";

export function Logo() {
  return (
    <Link href="/" className="group inline-flex items-center gap-2 rounded-md font-semibold tracking-tight">
      <span
        aria-hidden
        className="grid size-7 place-items-center rounded-md bg-stone-900 text-[11px] font-bold text-white dark:bg-white dark:text-stone-900"
      >
        <span className="-mr-px text-ship-400 dark:text-ship-600">S</span>
        <span className="sr-only">/</span>
      </span>
      <span className="text-[15px]">{site.name}</span>
    </Link>
  );
}
