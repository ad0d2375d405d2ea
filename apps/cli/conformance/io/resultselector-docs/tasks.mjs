export default {
  "arn:aws:states:::elasticmapreduce:createCluster.sync": async () => ({
    resourceType: "elasticmapreduce",
    resource: "createCluster.sync",
    output: {
      SdkHttpMetadata: {
        HttpHeaders: { "Content-Length": "1112", "Content-Type": "application/x-amz-JSON-1.1", Date: "Mon, 25 Nov 2019 19:41:29 GMT", "x-amzn-RequestId": "1234-5678-9011" },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: "1234-5678-9011" },
      ClusterId: "AKIAIOSFODNN7EXAMPLE",
    },
  }),
};
