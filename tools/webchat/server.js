#!/usr/bin/env node
// Serves Bot Framework Web Chat on http://127.0.0.1:<port>/ and connects it to a local bot the way a channel does:
// a message typed in the page is posted to the bot's /api/messages as a "webchat" activity whose serviceUrl is this
// server, and the bot's replies (POST v3/conversations/{id}/activities[/{replyTo}]) are pushed back to the page over
// server-sent events. Nothing leaves 127.0.0.1.
//
//   node server.js --bot http://127.0.0.1:3978/api/messages --port 56170 [--user webchat-user-1 --name "Zhao Ming"]
'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

function parseArgs(argv) {
  const o = { bot: 'http://127.0.0.1:3978/api/messages', port: 56170, user: 'webchat-user-1', name: 'Web Chat user', locale: 'zh-CN' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`unknown argument ${argv[i]}`);
    o[key] = key === 'port' ? parseInt(argv[i + 1], 10) : argv[i + 1];
  }
  return o;
}

const o = parseArgs(process.argv.slice(2));
const serviceUrl = `http://127.0.0.1:${o.port}/`;
const bot = { id: 'taskforce-bot', name: 'TaskForce Bot' };
const clients = new Map(); // conversation id -> Set of SSE responses
const history = new Map(); // conversation id -> activities (replayed to a page that reconnects)

function push(conversationId, activity) {
  if (!history.has(conversationId)) history.set(conversationId, []);
  history.get(conversationId).push(activity);
  for (const res of clients.get(conversationId) || []) res.write(`data: ${JSON.stringify(activity)}\n\n`);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function toBot(conversationId, activity) {
  const full = {
    ...activity,
    id: activity.id || crypto.randomUUID(),
    channelId: 'webchat',
    serviceUrl,
    timestamp: new Date().toISOString(),
    conversation: { id: conversationId },
    from: { id: o.user, name: o.name, role: 'user' },
    recipient: bot,
    locale: activity.locale || o.locale,
  };
  const response = await fetch(o.bot, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(full) });
  process.stdout.write(JSON.stringify({ kind: 'to-bot', type: full.type, text: full.text, status: response.status }) + '\n');
  return full;
}

const page = fs.readFileSync(path.join(__dirname, 'index.html'), 'utf8');
const bundle = path.join(__dirname, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, serviceUrl);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(page);
    }

    if (req.method === 'GET' && url.pathname === '/webchat.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return fs.createReadStream(bundle).pipe(res);
    }

    if (req.method === 'GET' && parts[0] === 'events' && parts[1]) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      if (!clients.has(parts[1])) clients.set(parts[1], new Set());
      clients.get(parts[1]).add(res);
      for (const activity of history.get(parts[1]) || []) res.write(`data: ${JSON.stringify(activity)}\n\n`);
      req.on('close', () => clients.get(parts[1]).delete(res));
      return undefined;
    }

    if (req.method === 'POST' && parts[0] === 'send' && parts[1]) {
      const activity = await toBot(parts[1], JSON.parse(await readBody(req)));
      if (activity.type === 'message') push(parts[1], activity); // the echo Web Chat waits for to mark it sent
      return json(res, 200, { id: activity.id });
    }

    // The bot's replies and proactive messages: v3/conversations/{id}/activities[/{replyToId}].
    if (req.method === 'POST' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const activity = JSON.parse(await readBody(req));
      activity.id = crypto.randomUUID();
      activity.timestamp = new Date().toISOString();
      activity.from = activity.from || bot;
      push(parts[2], activity);
      process.stdout.write(JSON.stringify({ kind: 'from-bot', type: activity.type, text: activity.text }) + '\n');
      return json(res, 200, { id: activity.id });
    }

    if (req.method === 'PUT' && parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      return json(res, 200, { id: parts[4] });
    }

    return json(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  } catch (error) {
    return json(res, 500, { error: { code: 'ServerError', message: String(error.message || error) } });
  }
});

server.listen(o.port, '127.0.0.1', () => process.stdout.write(`Web Chat on http://127.0.0.1:${o.port}/ -> ${o.bot}\n`));
