import { describe, expect, it } from "vitest";
import { ALL_TOOLS, asMember, PageCache, toolTag, type CachedPage } from "./store";

let clock = 0;
const now = () => clock;

function cache() {
  clock = 0;
  const pages = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000, now });
  pages.setHearing(true);
  return pages;
}

function page(tags: string[], text = "<p>hello</p>", cacheable = true): CachedPage {
  return { status: 200, headers: [["content-type", "text/html"]], body: Buffer.from(text), scriptHashes: [], tags, storedAt: 0, cacheable };
}

const render = (result: CachedPage) => async () => result;

describe("PageCache", () => {
  it("renders a miss once, then answers from the cache", async () => {
    const pages = cache();
    let renders = 0;
    const fill = async () => {
      renders += 1;
      return page([toolTag("cursor")]);
    };
    expect((await pages.getOrFill("/compare/a-vs-cursor", fill)).answer).toBe("miss");
    expect((await pages.getOrFill("/compare/a-vs-cursor", fill)).answer).toBe("hit");
    expect(renders).toBe(1);
    expect(pages.stats()).toMatchObject({ hits: 1, misses: 1, fills: 1, entries: 1 });
  });

  it("shares one render between concurrent misses of the same page", async () => {
    const pages = cache();
    let renders = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const fill = async () => {
      renders += 1;
      await gate;
      return page([ALL_TOOLS]);
    };
    const waiting = Promise.all([pages.getOrFill("/tools", fill), pages.getOrFill("/tools", fill), pages.getOrFill("/tools", fill)]);
    finish();
    const results = await waiting;
    expect(renders).toBe(1);
    expect(results.every((result) => result.page?.status === 200)).toBe(true);
  });

  it("a tool's write drops the pages showing it and every many-tool page, and keeps the rest", async () => {
    const pages = cache();
    await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a"), toolTag("b")])));
    await pages.getOrFill("/compare/c-vs-d", render(page([toolTag("c"), toolTag("d")])));
    await pages.getOrFill("/tools", render(page([ALL_TOOLS])));
    clock = 10;
    pages.invalidateTools(["b"]);
    expect(pages.get("/compare/a-vs-b")).toBeUndefined();
    expect(pages.get("/tools")).toBeUndefined();
    expect(pages.get("/compare/c-vs-d")).toBeDefined();
  });

  it("does not keep a render that a write overtook (it may show the figures from before the write)", async () => {
    const pages = cache();
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    clock = 5;
    const filling = pages.getOrFill("/compare/a-vs-b", async () => {
      await gate;
      return page([toolTag("a"), toolTag("b")]);
    });
    clock = 6;
    pages.invalidateTools(["a"]);
    finish();
    const { page: answered } = await filling;
    expect(answered?.status).toBe(200); // the waiting reader still gets it
    expect(pages.get("/compare/a-vs-b")).toBeUndefined();
    expect(pages.stats().discarded).toBe(1);
  });

  it("does not keep a many-tool page (ALL_TOOLS) that a write to any tool overtook", async () => {
    const pages = cache();
    for (const [key, slug] of [["/tools", "a"], ["/", "zz-never-rendered-alone"]] as const) {
      let finish!: () => void;
      const gate = new Promise<void>((resolve) => (finish = resolve));
      const filling = pages.getOrFill(key, async () => {
        await gate;
        return page([ALL_TOOLS]);
      });
      pages.invalidateTools([slug]);
      finish();
      expect((await filling).page?.status).toBe(200); // the waiting reader still gets it
      expect(pages.get(key), key).toBeUndefined();
    }
    expect(pages.stats()).toMatchObject({ fills: 0, discarded: 2, entries: 0 });
    // A render that starts after the write is kept.
    await pages.getOrFill("/tools", render(page([ALL_TOOLS])));
    expect(pages.get("/tools")).toBeDefined();
  });

  it("a write to an unrelated tool during a render does not discard it", async () => {
    const pages = cache();
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    clock = 5;
    const filling = pages.getOrFill("/compare/a-vs-b", async () => {
      await gate;
      return page([toolTag("a"), toolTag("b")]);
    });
    clock = 6;
    pages.invalidateTools(["z"]);
    finish();
    await filling;
    expect(pages.get("/compare/a-vs-b")).toBeDefined();
  });

  describe("figures that move (votes)", () => {
    const counting = (tags: string[]) => {
      const state = { renders: 0 };
      const fill = async () => {
        state.renders += 1;
        return page(tags, `<p>render ${state.renders}</p>`);
      };
      return { state, fill };
    };

    it("a vote leaves the page stored; the next request renders it again when its last render is a second old", async () => {
      const pages = cache();
      const { state, fill } = counting([toolTag("a"), toolTag("b")]);
      clock = 0;
      await pages.getOrFill("/compare/a-vs-b", fill);
      clock = 5_000;
      pages.figuresChanged(["a"]);
      expect(pages.get("/compare/a-vs-b")).toBeDefined();
      const next = await pages.getOrFill("/compare/a-vs-b", fill);
      expect(next.answer).toBe("miss");
      expect(state.renders).toBe(2);
      expect((await pages.getOrFill("/compare/a-vs-b", fill)).answer).toBe("hit");
    });

    it("under a surge of votes a page is rendered at most once a second; in between it is served stale", async () => {
      const pages = cache();
      const { state, fill } = counting([toolTag("a"), toolTag("b")]);
      clock = 0;
      await pages.getOrFill("/compare/a-vs-b", fill);
      const answers: string[] = [];
      // 50 votes a second for three seconds, a reader after each vote.
      for (let vote = 1; vote <= 150; vote++) {
        clock = 1_000 + vote * 20;
        pages.figuresChanged([vote % 2 ? "a" : "b"]);
        answers.push((await pages.getOrFill("/compare/a-vs-b", fill)).answer);
      }
      expect(state.renders - 1).toBeLessThanOrEqual(4); // 3 s of surge: one render per second (and one at its edge)
      expect(answers.filter((answer) => answer === "stale").length).toBeGreaterThanOrEqual(145);
      expect(pages.stats().stale).toBe(answers.filter((answer) => answer === "stale").length);
    });

    it("while a page's refresh is under way, other readers get the stored page without waiting for it", async () => {
      const pages = cache();
      clock = 0;
      await pages.getOrFill("/tools", render(page([ALL_TOOLS], "old")));
      clock = 2_000;
      pages.figuresChanged(["a"]);
      let finish!: () => void;
      const gate = new Promise<void>((resolve) => (finish = resolve));
      const refreshing = pages.getOrFill("/tools", async () => {
        await gate;
        return page([ALL_TOOLS], "new");
      });
      const other = await pages.getOrFill("/tools", render(page([ALL_TOOLS], "never")));
      expect(other.answer).toBe("stale");
      expect(other.page!.body.toString()).toBe("old");
      finish();
      expect((await refreshing).page!.body.toString()).toBe("new");
      expect((await pages.getOrFill("/tools", render(page([ALL_TOOLS], "never")))).answer).toBe("hit");
    });

    it("a render that a vote overtook is kept, but stale: the next request after the interval renders again", async () => {
      const pages = cache();
      const { state, fill } = counting([toolTag("a"), toolTag("b")]);
      let finish!: () => void;
      const gate = new Promise<void>((resolve) => (finish = resolve));
      clock = 0;
      const filling = pages.getOrFill("/compare/a-vs-b", async () => {
        await gate;
        return fill();
      });
      pages.figuresChanged(["b"]);
      finish();
      await filling;
      expect(pages.get("/compare/a-vs-b")).toBeDefined();
      clock = 500;
      expect((await pages.getOrFill("/compare/a-vs-b", fill)).answer).toBe("stale");
      clock = 1_000;
      expect((await pages.getOrFill("/compare/a-vs-b", fill)).answer).toBe("miss");
      expect(state.renders).toBe(2);
    });

    it("a vote on another tool leaves a comparison current, and makes every many-tool page stale", async () => {
      const pages = cache();
      clock = 0;
      await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a"), toolTag("b")])));
      await pages.getOrFill("/", render(page([ALL_TOOLS])));
      clock = 5_000;
      pages.figuresChanged(["z"]);
      expect((await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a")])))).answer).toBe("hit");
      expect((await pages.getOrFill("/", render(page([ALL_TOOLS])))).answer).toBe("miss");
    });

    it("a staff edit still drops the page at once, however recent its last render", async () => {
      const pages = cache();
      clock = 0;
      await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a"), toolTag("b")], "before")));
      pages.figuresChanged(["a"]);
      clock = 10;
      pages.invalidateTools(["a"]);
      const next = await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a"), toolTag("b")], "edited")));
      expect(next.answer).toBe("miss");
      expect(next.page!.body.toString()).toBe("edited");
    });
  });

  it("passes on but never keeps an uncacheable answer", async () => {
    const pages = cache();
    const notFound = { ...page([ALL_TOOLS]), status: 404, cacheable: false };
    expect((await pages.getOrFill("/tools/nope", render(notFound))).page?.status).toBe(404);
    expect(pages.get("/tools/nope")).toBeUndefined();
  });

  it("serves nothing while it is not known to be hearing the database, and starts empty once it hears it again", async () => {
    const pages = cache();
    await pages.getOrFill("/tools", render(page([ALL_TOOLS])));
    pages.setHearing(false);
    expect(pages.active).toBe(false);
    expect(pages.get("/tools")).toBeUndefined();
    // Nothing rendered while deaf is kept.
    await pages.getOrFill("/compare", render(page([ALL_TOOLS])));
    pages.setHearing(true);
    expect(pages.get("/tools")).toBeUndefined();
    expect(pages.get("/compare")).toBeUndefined();
  });

  it("a staff edit (clear) drops everything, including a render under way", async () => {
    const pages = cache();
    await pages.getOrFill("/compare/a-vs-b", render(page([toolTag("a")])));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    clock = 3;
    const filling = pages.getOrFill("/tools", async () => {
      await gate;
      return page([ALL_TOOLS]);
    });
    clock = 4;
    pages.clear();
    finish();
    await filling;
    expect(pages.stats().entries).toBe(0);
  });

  it("entries expire after the TTL", async () => {
    const pages = cache();
    clock = 1_000;
    await pages.getOrFill("/tools", render(page([ALL_TOOLS])));
    clock = 60_000;
    expect(pages.get("/tools")).toBeDefined();
    clock = 62_000;
    expect(pages.get("/tools")).toBeUndefined();
  });

  it("keeps within its byte budget, evicting the least recently used", async () => {
    clock = 0;
    const pages = new PageCache({ maxBytes: 250, ttlMs: 60_000, now });
    pages.setHearing(true);
    for (const key of ["/a", "/b", "/c"]) await pages.getOrFill(key, render(page([ALL_TOOLS], "x".repeat(100))));
    expect(pages.stats().bytes).toBeLessThanOrEqual(250);
    expect(pages.get("/a")).toBeUndefined();
    expect(pages.get("/c")).toBeDefined();
  });
});

describe("the member copy", () => {
  it("a signed-in reader's copy differs only in the shell's first-paint hint", () => {
    const html = '<html><head><script>x</script></head><body><div data-viewer="guest"><p>text: data-viewer=&quot;guest&quot;</p><script>{"data-viewer":"guest"}</script></div></body></html>';
    const body = Buffer.from(html);
    expect(asMember(body).toString()).toBe(
      '<html><head><script>x</script></head><body><div data-viewer="member"><p>text: data-viewer=&quot;guest&quot;</p><script>{"data-viewer":"guest"}</script></div></body></html>',
    );
    // The stored body is untouched: the next signed-out reader gets "guest".
    expect(body.toString()).toContain('<div data-viewer="guest">');
    expect(asMember(Buffer.from("<p>no shell</p>")).toString()).toBe("<p>no shell</p>");
  });
});
