import { z } from "zod";

/**
 * Runs in the browser before the app's own code. The site's policy allows no
 * eval (lib/http/security-headers.ts); zod would probe for it (`Function("")`
 * in a try) before its first object parse, and the browser reports each probe
 * as a policy violation. Without that compiled fast path zod parses the same.
 */
z.config({ jitless: true });
