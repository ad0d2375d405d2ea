// A --tasks module for the seed ASL: maps the two Lambda ARNs to the real handlers.
import { handler as lyrics } from "@statecraft/lambda-lyrics";
import { handler as song } from "@statecraft/lambda-song";

export default {
  "arn:aws:lambda:us-east-1:123456789012:function:song": (input) => song(input),
  "arn:aws:lambda:us-east-1:123456789012:function:lyrics": (input) => lyrics(input),
};
