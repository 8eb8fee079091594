import { NotFoundContent } from "@/components/site/not-found-content";

export const metadata = { title: "Not found" };

/** notFound() on a public page: the (site) layout already draws the header and footer. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}
