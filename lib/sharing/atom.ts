import { escapeXml } from "./escape";

/** One Atom entry (RFC 4287 §4.1.2). Every string is plain text; it is escaped here. */
export type AtomEntry = {
  /** A permanent, unique IRI: it must not change when the entry is edited. */
  id: string;
  title: string;
  /** Absolute URL of the entry's page. */
  link: string;
  published: Date;
  updated: Date;
  summary: string;
  categories?: string[];
};

export type AtomFeed = {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the site (rel="alternate"). */
  link: string;
  /** Absolute URL of the feed itself (rel="self"). */
  self: string;
  updated: Date;
  author: { name: string; uri?: string };
  entries: AtomEntry[];
};

const text = (name: string, value: string, indent: string) => `${indent}<${name} type="text">${escapeXml(value)}</${name}>`;
const date = (name: string, value: Date, indent: string) => `${indent}<${name}>${value.toISOString()}</${name}>`;
const link = (rel: string, href: string, indent: string, type?: string) =>
  `${indent}<link rel="${rel}"${type ? ` type="${escapeXml(type)}"` : ""} href="${escapeXml(href)}"/>`;

function renderEntry(entry: AtomEntry): string {
  const i = "    ";
  return [
    "  <entry>",
    `${i}<id>${escapeXml(entry.id)}</id>`,
    text("title", entry.title, i),
    link("alternate", entry.link, i, "text/html"),
    date("published", entry.published, i),
    date("updated", entry.updated, i),
    text("summary", entry.summary, i),
    ...(entry.categories ?? []).map((term) => `${i}<category term="${escapeXml(term)}"/>`),
    "  </entry>",
  ].join("\n");
}

/** An Atom 1.0 document; well-formed whatever the entries' text holds. */
export function renderAtomFeed(feed: AtomFeed): string {
  const i = "  ";
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `${i}<id>${escapeXml(feed.id)}</id>`,
    text("title", feed.title, i),
    ...(feed.subtitle ? [text("subtitle", feed.subtitle, i)] : []),
    link("alternate", feed.link, i, "text/html"),
    link("self", feed.self, i, "application/atom+xml"),
    date("updated", feed.updated, i),
    `${i}<author><name>${escapeXml(feed.author.name)}</name>${feed.author.uri ? `<uri>${escapeXml(feed.author.uri)}</uri>` : ""}</author>`,
    ...feed.entries.map(renderEntry),
    "</feed>",
    "",
  ].join("\n");
}
