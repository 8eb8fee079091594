import { monogram, monogramColor, MONOGRAM_TEXT } from "@/lib/logos/monogram";

/**
 * A tool's logo, or its monogram when it has none (docs/decisions/033-logos.md).
 * Decorative by default (`alt=""`): the tool's name is beside it wherever it
 * shows. Pass `label` where the logo stands alone.
 */
export function ToolLogo({ name, logoUrl, size = 40, className = "", label }: { name: string; logoUrl: string | null; size?: number; className?: string; label?: string }) {
  const box = `shrink-0 rounded-lg ${className}`;
  if (logoUrl) {
    return (
      // A content-addressed file served with a year's immutable cache: the image optimiser would only re-encode it (and refuses SVG).
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={logoUrl}
        alt={label ?? ""}
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        data-tool-logo=""
        className={`${box} bg-white object-contain p-0.5 ring-1 ring-stone-200 dark:ring-stone-700`}
        style={{ width: size, height: size }}
      />
    );
  }
  return (
    <span
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-tool-monogram=""
      className={`${box} grid place-items-center font-semibold leading-none tracking-tight select-none ring-1 ring-black/5 dark:ring-white/15`}
      style={{ width: size, height: size, background: monogramColor(name), color: MONOGRAM_TEXT, fontSize: Math.round(size * 0.4) }}
    >
      {monogram(name)}
    </span>
  );
}
