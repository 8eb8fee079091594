import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ReportForm } from "@/components/suggestions/report-form";
import { SignInPrompt } from "@/components/suggestions/sign-in-prompt";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { pageMetadata } from "@/lib/site/metadata";
import { getReportableTool } from "@/lib/suggestions/queries";
import { toolSlugSchema } from "@/lib/tools/schema";

const loadTool = cache(async (slug: string) => {
  const tool = toolSlugSchema.safeParse(slug).success ? await getReportableTool(slug) : null;
  if (!tool) notFound();
  return tool;
});

export async function generateMetadata({ params }: PageProps<"/tools/[slug]/report">): Promise<Metadata> {
  const tool = await loadTool((await params).slug);
  return {
    ...pageMetadata({ title: `Report a problem with ${tool.name}`, description: `Tell the editors what is wrong on ${tool.name}'s page.`, path: `/tools/${tool.slug}/report` }),
    robots: { index: false, follow: true },
  };
}

export default async function ReportPage({ params }: PageProps<"/tools/[slug]/report">) {
  const tool = await loadTool((await params).slug);
  const user = await getCurrentUser();
  const back = `/tools/${tool.slug}/report`;
  return (
    <div className="mx-auto max-w-2xl pb-8 pt-10 sm:pt-14">
      <p className="text-sm">
        <Link href={`/tools/${tool.slug}` as Route} className="font-medium text-stone-600 underline-offset-2 hover:underline dark:text-stone-400">
          ← {tool.name}
        </Link>
      </p>
      <h1 className="mt-3 text-4xl font-semibold tracking-tight">Report a problem with {tool.name}</h1>
      <p className="mt-3 text-lg text-stone-600 dark:text-stone-400">
        Is the product gone, the price out of date, a fact wrong? Tell the editors. Reports go to the same queue as suggestions; you see what we did
        on your account.
      </p>
      <Card className="mt-8 p-6 sm:p-8">
        {user ? (
          <ReportForm tool={{ slug: tool.slug, name: tool.name }} />
        ) : (
          <SignInPrompt title="Sign in to report a problem" why="We ask so that we can tell you what we did about it." returnTo={back} testId="report-sign-in" />
        )}
      </Card>
    </div>
  );
}
