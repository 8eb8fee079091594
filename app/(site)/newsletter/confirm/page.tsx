import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewsletterLinkForm } from "@/components/site/newsletter-link-form";
import { Card } from "@/components/ui/card";
import { getLinkTarget } from "@/lib/newsletter/queries";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** Opened from an email: shows what the button will do; an unusable link is a 404 that explains itself. */
export default async function ConfirmSubscriptionPage({ searchParams }: PageProps<"/newsletter/confirm">) {
  const { token } = await searchParams;
  const target = typeof token === "string" ? await getLinkTarget(token, "CONFIRM") : null;
  if (!target || typeof token !== "string") notFound();
  return (
    <div className="mx-auto max-w-xl py-16 sm:py-24">
      <Card className="p-8">
        <NewsletterLinkForm purpose="confirm" token={token} email={target.email} />
      </Card>
    </div>
  );
}
