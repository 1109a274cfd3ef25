import { queryParams } from "@/lib/api/query-params";
import { route } from "@/lib/api/route";
import { contactMessages, contactMessagesQuery } from "@/lib/runs/contact-messages";

export const GET = route<{ phone: string }>("read", async (request, { params }) => {
  // Next.js has already decoded the route parameter: decoding again would turn `%25` into `%`
  // and make `decodeURIComponent` throw (a 500) or read a different phone.
  const { phone } = await params;
  return Response.json(await contactMessages(phone, contactMessagesQuery.parse(queryParams(request))));
});
