import { site } from "@/lib/site/config";
import { EmailButton, EmailLayout, text } from "./email-layout";

/** "Confirm your subscription" — the double opt-in email. */
export function ConfirmSubscriptionEmail({ email, confirmUrl, unsubscribeUrl }: { email: string; confirmUrl: string; unsubscribeUrl: string }) {
  return (
    <EmailLayout
      title={`Confirm your subscription to ${site.newsletter.name}`}
      preview="One click to start getting the weekly digest."
      footer={
        <>
          You get this email because someone entered {email} in the newsletter box on {site.name}. If it wasn&apos;t you, ignore it: nothing
          is sent until the address is confirmed. <a href={unsubscribeUrl} style={{ color: "inherit" }}>Never email this address again</a>.
        </>
      }
    >
      <h1 style={text.h1}>Confirm your subscription</h1>
      <p style={text.p}>
        Confirm that <strong>{email}</strong> should get <strong>{site.newsletter.name}</strong>: new comparisons, changed verdicts and the
        community&apos;s biggest movers, once a week.
      </p>
      <EmailButton href={confirmUrl}>Confirm my subscription</EmailButton>
      <p style={text.small}>The link works once and expires in 48 hours.</p>
    </EmailLayout>
  );
}

/** To an address that is already confirmed and asked again: nothing changes, and it says so. */
export function AlreadySubscribedEmail({ email, unsubscribeUrl }: { email: string; unsubscribeUrl: string }) {
  return (
    <EmailLayout
      title={`You're already subscribed to ${site.newsletter.name}`}
      preview="Nothing to do: the digest keeps coming."
      footer={<>Someone entered {email} in the newsletter box on {site.name}. No action is needed.</>}
    >
      <h1 style={text.h1}>You&apos;re already subscribed</h1>
      <p style={text.p}>
        <strong>{email}</strong> already gets {site.newsletter.name}. Nothing changed, and you don&apos;t need to do anything.
      </p>
      <p style={text.p}>
        Didn&apos;t ask for this, or want fewer emails? <a href={unsubscribeUrl} style={text.link}>Unsubscribe</a>.
      </p>
    </EmailLayout>
  );
}
