import type { Metadata } from "next";
import { connection } from "next/server";
import { ToolRow } from "@/components/site/tool-row";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { pageMetadata } from "@/lib/site/metadata";
import { listToolsByCategory } from "@/lib/tools/queries";

export const metadata: Metadata = pageMetadata({
  title: "AI tools",
  description: "Every AI tool the panel has reviewed, by category, with panel and community figures.",
  path: "/tools",
});

export default async function ToolsPage() {
  await connection();
  const groups = await listToolsByCategory();
  return (
    <div className="space-y-12 pb-8 pt-10 sm:pt-14">
      <header>
        <h1 className="text-4xl font-semibold tracking-tight">AI tools</h1>
        <p className="mt-3 max-w-2xl text-lg text-stone-600 dark:text-stone-400">
          Every tool the panel has reviewed, by category.
        </p>
      </header>
      {groups.map((group) => (
        <Section key={group.category.slug} id={group.category.slug} title={group.category.name}>
          <Card className="overflow-hidden">
            <ul className="divide-y divide-stone-100 dark:divide-stone-800">
              {group.tools.map((tool) => (
                <ToolRow key={tool.slug} tool={tool} />
              ))}
            </ul>
          </Card>
        </Section>
      ))}
    </div>
  );
}
