export default { "arn:aws:lambda:us-east-1:123456789012:function:Charge": async () => { const e = new Error("insufficient funds"); e.name = "CardDeclined"; throw e; } };
