import { createHash } from "node:crypto";
import { defineIntrinsic, parameter } from "../define.js";
import { IntrinsicFailure } from "../errors.js";
import { tooLong } from "../values.js";

/** Algorithms States.Hash accepts, spelled exactly as Step Functions requires. */
export const HASH_ALGORITHMS = ["MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** Step Functions hashes at most 10,000 characters. */
export const MAX_HASH_INPUT_CHARACTERS = 10_000;

const NODE_ALGORITHM: Record<HashAlgorithm, string> = {
  MD5: "md5",
  "SHA-1": "sha1",
  "SHA-256": "sha256",
  "SHA-384": "sha384",
  "SHA-512": "sha512",
};

export function isHashAlgorithm(name: string): name is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly string[]).includes(name);
}

/** Lower-case hex digest of the UTF-8 bytes of `data`. */
export function hashHex(data: string, algorithm: HashAlgorithm): string {
  return createHash(NODE_ALGORITHM[algorithm]).update(data, "utf8").digest("hex");
}

/**
 * `States.Hash(data, algorithm)`: hex digest of a string of at most 10,000 characters with MD5, SHA-1,
 * SHA-256, SHA-384 or SHA-512.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#asl-intrsc-func-hash-calc
 */
export const statesHash = defineIntrinsic({
  name: "States.Hash",
  parameters: [
    parameter({
      name: "data",
      types: ["string"],
      refine: (data) => tooLong(data, MAX_HASH_INPUT_CHARACTERS),
    }),
    parameter({
      name: "algorithm",
      types: ["string"],
      refine: (name) => (isHashAlgorithm(name) ? undefined : `must be one of ${HASH_ALGORITHMS.join(", ")}`),
    }),
  ],
  returns: "string",
  evaluate([data, algorithm]) {
    if (!isHashAlgorithm(algorithm)) {
      throw new IntrinsicFailure(`Invalid arguments in States.Hash: unknown algorithm ${algorithm}`);
    }
    return hashHex(data, algorithm);
  },
});
