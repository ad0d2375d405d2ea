export default { "arn:aws:states:us-east-1:123456789012:activity:Lookup": async () => ({ name: "cart", items: ["a", "b", "c"] }) };
