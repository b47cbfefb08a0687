/** wrangler bundles `.sql` files as text (its default module rule for **\/*.sql). */
declare module "*.sql" {
  const text: string;
  export default text;
}
