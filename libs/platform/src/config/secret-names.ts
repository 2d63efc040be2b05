const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|API_KEY|ACCESS_KEY/i;

/** Whether a variable's value must be masked wherever it is shown (errors, logged config). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}
