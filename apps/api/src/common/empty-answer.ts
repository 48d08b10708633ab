/**
 * `{}`: the answer of a request that was taken (202) where there is nothing to tell yet, such as
 * whether an account has the address.
 */
export class EmptyAnswer {}
