import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import {
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** zxcvbn's "safely unguessable" level; below it a password is common or a simple pattern. */
const MIN_SCORE = 3;

export const WEAK_PASSWORD_MESSAGE =
  'This password is too common or too easy to guess. Try a few unrelated words together.';

let estimator: ZxcvbnFactory | undefined;

/**
 * Whether `password` is among the commonest passwords or a simple variation of one (zxcvbn-ts
 * with its common password list and keyboard patterns). `related` are the person's own e-mail or
 * name, which are weak passwords for them.
 */
export function isGuessablePassword(password: string, related: string[] = []): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  // Scoring cost grows with length (~30 ms at 32 characters of look-alikes, 60 ms at 50); a
  // prefix this long decides on its own.
  return estimator.check(password.slice(0, 32), related).score < MIN_SCORE;
}

/** The person's e-mail and name from the same request body, when it has them. */
function relatedInputs(object: object): string[] {
  const { email, displayName } = object as { email?: unknown; displayName?: unknown };
  return [email, displayName].filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/**
 * Every password a person chooses (register, change, reset, invitation) is validated by this
 * one decorator: 10 to 256 characters and not a common or easily guessed one.
 */
export function IsNewPassword(): PropertyDecorator {
  const decorators = [
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    }),
    MaxLength(PASSWORD_MAX_LENGTH),
    ValidateBy({
      name: 'isNotGuessablePassword',
      validator: {
        validate: (value: unknown, args?: ValidationArguments) =>
          typeof value !== 'string' ||
          value.length < PASSWORD_MIN_LENGTH ||
          value.length > PASSWORD_MAX_LENGTH ||
          !isGuessablePassword(value, args ? relatedInputs(args.object) : []),
        defaultMessage: () => WEAK_PASSWORD_MESSAGE,
      },
    }),
  ];
  return (target, propertyKey) => decorators.forEach((d) => d(target, propertyKey));
}
