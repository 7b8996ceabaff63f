// Prints the outbox entries still in the table when the suite ends (one JSON object per line), so a change
// missing from an event stream can be told apart: an entry still there (with its attempts and nextAttempt)
// is a relay backing off; no entry means the relay thought it had delivered everything.
// Usage: node dump-outbox.js <dynalite port> <table name>. dynalite does not check signatures.
const http = require("http");
const [port, table] = process.argv.slice(2);

function call(target, body) {
    return new Promise((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: {
            "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "DynamoDB_20120810." + target,
            "X-Amz-Date": "20260101T000000Z",
            "Authorization": "AWS4-HMAC-SHA256 Credential=chaos/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
        } }, response => {
            let text = "";
            response.on("data", chunk => text += chunk);
            response.on("end", () => response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(text)));
        });
        request.on("error", reject);
        request.end(JSON.stringify(body));
    });
}

const plain = item => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, Object.values(v)[0]]));

(async () => {
    for (const shard of "0123456789abcdef") {
        let start;
        do {
            const page = await call("Query", { TableName: table, ConsistentRead: true, ExclusiveStartKey: start,
                KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": { S: "OUTBOX#" + shard } } });
            for (const item of page.Items) console.log(JSON.stringify(plain(item)));
            start = page.LastEvaluatedKey;
        } while (start);
    }
})().catch(error => { console.error("dump-outbox: " + error.message); process.exit(1); });
