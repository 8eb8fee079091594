import { describe, expect, it } from "vitest";
import { parseForm } from "@/lib/http/action";
import { TOO_BIG_MESSAGE } from "./limits";
import { logoUploadSchema } from "./schema";

const upload = (file: File | string) => {
  const data = new FormData();
  data.set("toolId", "tool-1");
  data.set("logo", file);
  return parseForm(data, logoUploadSchema, ["logo"]);
};

describe("the logo upload form", () => {
  it("refuses a file over 200 KB with the words the form shows (the no-script path: the gate lets 1 MB through)", async () => {
    expect(await upload(new File([new Uint8Array(210 * 1024)], "big.png"))).toMatchObject({ success: false, fieldErrors: { logo: TOO_BIG_MESSAGE } });
  });

  it("refuses an empty file or none, and takes any file name or type (the bytes decide later)", async () => {
    expect(await upload(new File([], ""))).toMatchObject({ success: false, fieldErrors: { logo: expect.stringContaining("Choose a logo file") } });
    expect(await upload("")).toMatchObject({ success: false, fieldErrors: { logo: "Choose a file to upload." } });
    expect(await upload(new File(["x"], "logo.exe", { type: "application/x-msdownload" }))).toMatchObject({ success: true });
  });
});
