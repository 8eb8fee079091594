import "server-only";

export { emailMode, sendEmail, type Email, type EmailMode } from "./send";
