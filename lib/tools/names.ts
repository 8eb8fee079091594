import "server-only";
import { CHANNELS, mayRenameTools } from "@/lib/db-events/channels";
import { databaseEvents, type DatabaseEvents } from "@/lib/db-events/listener";
import { db } from "@/lib/db";
import { readToolNames } from "./queries";

type ToolNames = Awaited<ReturnType<typeof readToolNames>>;
type Kept = { names: Promise<ToolNames> | null; events: DatabaseEvents | null };

const KEY = Symbol.for("ship-or-skip.tool-names");
const globalForNames = globalThis as unknown as Record<typeof KEY, Kept | undefined>;

/**
 * The listed tools' names for the "compare with…" pickers, as this process last read them, kept between staff
 * edits of tools.
 *
 * The pickers read them on every render of the tool page, the directory and /compare, and of every comparison:
 * Next renders the comparison's not-found boundary (which has a picker) into each comparison page's payload
 * though a reader sees it only for a pair that cannot be compared. The names change only through a staff edit
 * of a tool, which every node hears (`content_changed`, kind "tool", or "site" for an edit outside the app): it
 * drops the copy, as do a re-LISTEN and any change in whether the events are heard. While they are not heard
 * (a node starting, an outage) every call reads the database, so a missed notification never leaves a name
 * out of date.
 */
export function listedToolNames(): Promise<ToolNames> {
  const events = databaseEvents();
  if (!events?.hearing) return readToolNames();
  const kept = (globalForNames[KEY] ??= { names: null, events: null });
  if (kept.events !== events) {
    kept.events = events;
    kept.names = null;
    const drop = () => {
      if (kept.events === events) kept.names = null;
    };
    events.subscribe(CHANNELS.content, (change) => {
      if (mayRenameTools(change)) drop();
    });
    events.onResync(drop);
    events.onHearing(drop);
  }
  if (!kept.names) {
    // Kept from the moment the read starts: an edit announced while it runs drops it, and the next call reads again.
    // From the primary: a replica may not yet show the edit whose notification dropped the last copy.
    const reading = readToolNames(db);
    kept.names = reading;
    reading.catch(() => {
      if (kept.names === reading) kept.names = null;
    });
  }
  return kept.names;
}
