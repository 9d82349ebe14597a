package harness

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// The text of the Logs family: what a service writes, the way log scanners
// and secret scanners see it. Lines of several kinds (access lines, events
// of an application, debug dumps of key=value pairs, warnings, errors with
// Java stack traces, syslog lines), each with a timestamp, a level, a host
// and most with an IP address. Rare lines are planted at fixed line numbers,
// each kind about once per MiB (none in the first 64 KiB; a JWT five
// times per MiB, one of them in the first 64 KiB): the matches a
// scanner is looking for, in text that mostly does not match.

var (
	logHosts    = []string{"api-gw-01", "api-gw-03", "web-02", "worker-2", "worker-7", "db-pool", "cache-1", "payments", "auth", "search-4"}
	logPaths    = []string{"/api/v1/orders/%d", "/api/v1/users/%d", "/api/v2/search?q=%s", "/static/js/app.%x.js", "/healthz", "/login", "/api/v1/carts/%d/items", "/metrics"}
	logMethods  = []string{"GET", "GET", "GET", "POST", "PUT", "DELETE"}
	logStatuses = []int{200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 500, 503}
	javaFrames  = []string{
		"com.example.orders.OrderService.process(OrderService.java:%d)",
		"com.example.orders.OrderController.create(OrderController.java:%d)",
		"org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:%d)",
		"jakarta.servlet.http.HttpServlet.service(HttpServlet.java:%d)",
		"org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:%d)",
		"com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:%d)",
		"java.base/java.lang.Thread.run(Thread.java:%d)",
	}
	javaErrors = []string{
		"java.lang.IllegalStateException: order already settled",
		"java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms",
		"java.net.SocketTimeoutException: Read timed out",
		"java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"name\" is null",
	}
)

// rareLogLines are planted every period lines (offset by offset): the
// matches of the Logs patterns that are not on every line.
var rareLogLines = []struct {
	period, offset int
	line           string // after the timestamp
}{
	{1499, 1200, "DEBUG [auth] Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQ4MjEzIiwiaWF0IjoxNzEwNDA2NDAwfQ.Xb3q7Vd2kR9mT4yLp8Zs1Nc6Hf0Gj5Wa2Ee7Ru3Io9"},
	{6007, 900, "ERROR: DeadlockDetected while updating table=orders txn=88412"},
	{6113, 1300, "WARN  [auth] user=mallory failed login from 203.0.113.9 attempts=5"},
	{6217, 1700, "ERROR [worker-7] panic: runtime error: index out of range [5] with length 3\n\ngoroutine 42 [running]:\nmain.(*queue).pop(...)\n\t/srv/app/queue.go:88 +0x1d4"},
	{6317, 2100, "CRIT  [db-pool] fatal error: too many connections (max=50) host=db-02.internal"},
	{6421, 2500, "INFO  [ops] incident=INCPRD4 opened severity=2 owner=oncall"},
	{6521, 2900, "DEBUG [deploy] env AWS_ACCESS_KEY_ID=AKIAQ3EGVP7RTXZ4M2KD region=eu-west-1"},
	{6619, 3300, "DEBUG [ci] cloning https://ghp_R8tY2mQ9vX4bN7kL1pZ6wC3dF5gH0jS2aE9u@github.com/example/app.git"},
	{6719, 3700, "INFO  [notify] posting with token xoxb-482910374651-5829301746582-Qm7RtY2vX9bN4kL8pZ1wC6dF"},
	{6823, 4100, "DEBUG [config] loaded key material:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2kzr7Kx0fG3s9Qp1YhVbN8cJk2Ld\n-----END RSA PRIVATE KEY-----"},
	{6917, 4500, "WARN  [config] plain-text setting api_key = 9f8e7d6c5b4a3928171605f4e3d2c1b0 in app.yaml"},
}

// logLineAt writes line i (without its timestamp) of the log.
func logLineAt(sb *strings.Builder, r *rand.Rand, i int) {
	for _, rare := range rareLogLines {
		if (i+rare.offset)%rare.period == 0 {
			sb.WriteString(rare.line)
			return
		}
	}
	host := logHosts[r.IntN(len(logHosts))]
	user := users[r.IntN(len(users))]
	ip := fmt.Sprintf("10.%d.%d.%d", r.IntN(64), r.IntN(256), 1+r.IntN(254))
	switch k := r.IntN(100); {
	case k < 40:
		path := logPaths[r.IntN(len(logPaths))]
		if strings.Contains(path, "%s") {
			path = fmt.Sprintf(path, words[r.IntN(len(words))])
		} else if strings.Contains(path, "%") {
			path = fmt.Sprintf(path, r.IntN(100000))
		}
		fmt.Fprintf(sb, "INFO  [%s] %s - %s %s HTTP/1.1 status=%d bytes=%d took=%dms user=%s req=%016x",
			host, ip, logMethods[r.IntN(len(logMethods))], path, logStatuses[r.IntN(len(logStatuses))],
			r.IntN(50000), r.IntN(900), user, r.Uint64())
	case k < 60:
		fmt.Fprintf(sb, "INFO  [%s] order.service: processed order_id=%d items=%d total=%d.%02d currency=EUR user=%s",
			host, r.IntN(1000000), 1+r.IntN(9), r.IntN(500), r.IntN(100), user)
	case k < 75:
		fmt.Fprintf(sb, "DEBUG [%s] cache.lookup key=session:%08x hit=%v ttl=%d shard=%d node=%s",
			host, r.Uint32(), r.IntN(3) > 0, 60*r.IntN(10), r.IntN(16), ip)
	case k < 85:
		fmt.Fprintf(sb, "WARN  [%s] pool.acquire: slow acquire waited=%dms active=%d idle=0 max=50 host=db-%02d.internal",
			host, 100+r.IntN(900), 40+r.IntN(10), 1+r.IntN(4))
	case k < 92:
		fmt.Fprintf(sb, "ERROR [%s] request failed: upstream timeout after %dms provider=%s attempt=%d user=%s client=%s",
			host, 1000*(1+r.IntN(5)), domains[r.IntN(len(domains))], 1+r.IntN(3), user, ip)
		if r.IntN(2) == 0 {
			sb.WriteString("\n")
			sb.WriteString(javaErrors[r.IntN(len(javaErrors))])
			for j, n := 0, 3+r.IntN(6); j < n; j++ {
				sb.WriteString("\n\tat ")
				fmt.Fprintf(sb, javaFrames[r.IntN(len(javaFrames))], 20+r.IntN(900))
			}
		}
	default:
		// A syslog line relayed into the same stream.
		pid := 1000 + r.IntN(30000)
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(sb, "INFO  [%s] sshd[%d]: Accepted publickey for deploy from %s port %d ssh2", host, pid, ip, 1024+r.IntN(60000))
		case 1:
			fmt.Fprintf(sb, "INFO  [%s] CRON[%d]: (root) CMD (run-parts /etc/cron.hourly)", host, pid)
		default:
			fmt.Fprintf(sb, "INFO  [%s] kernel: [%d.%06d] eth0: link up, 10000 Mbps, full duplex", host, r.IntN(100000), r.IntN(1000000))
		}
	}
}

// opsLog is n bytes of the log (the last line cut). A shorter log is the
// start of a longer one.
func opsLog(n int) []byte {
	return cached("opslog", n, func(n int) []byte {
		r := newRand(11)
		t := time.Date(2024, 3, 14, 9, 0, 0, 0, time.UTC)
		var sb strings.Builder
		sb.Grow(n + 512)
		for i := 0; sb.Len() < n; i++ {
			t = t.Add(time.Duration(r.IntN(40_000)) * time.Microsecond)
			sb.WriteString(t.Format("2006-01-02T15:04:05.000Z "))
			logLineAt(&sb, r, i)
			sb.WriteByte('\n')
		}
		return []byte(sb.String()[:n])
	})
}
