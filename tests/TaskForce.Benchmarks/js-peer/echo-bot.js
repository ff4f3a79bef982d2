// An echo bot on Microsoft's JavaScript botbuilder SDK (CloudAdapter + ActivityHandler), the SDK a team would
// otherwise use: the third baseline of the turns benchmark. Served by Node's own http module (lighter than the
// restify or express of the SDK's samples, so the peer is not slowed by its web framework).
// Usage: node echo-bot.js <port>
'use strict';

const http = require('node:http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const port = Number(process.argv[2] || 3978);

// No app id and password: the SDK accepts unauthenticated activities, as the bot does in development mode.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(error);
    await context.sendActivity('The bot encountered an error.');
};

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            await context.sendActivity(`echo: ${context.activity.text}`);
            await next();
        });
    }
}

const bot = new EchoBot();

// The Response shape CloudAdapter.process expects (status, header, send, end), over a plain ServerResponse.
function responseFor(res) {
    return {
        socket: res.socket,
        header: (name, value) => res.setHeader(name, value),
        status: (code) => { res.statusCode = code; },
        send: (body) => {
            if (typeof body === 'object') {
                res.setHeader('Content-Type', 'application/json');
                res.write(JSON.stringify(body));
            } else {
                res.write(String(body));
            }
        },
        end: () => res.end(),
    };
}

const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.end('ok');
        return;
    }

    if (req.url !== '/api/messages') {
        res.statusCode = 404;
        res.end();
        return;
    }

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.statusCode = 400;
            res.end();
            return;
        }

        await adapter.process({ body, headers: req.headers, method: req.method }, responseFor(res), (context) => bot.run(context));
    });
});

server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on 127.0.0.1:${port}`));
