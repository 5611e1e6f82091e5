package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"testing"
)

func TestFolderRedirectStaysOnTheServer(t *testing.T) {
	_, addr := startServer(t, testSite(t))
	for _, target := range []string{"/sub", "//sub", "///sub", "/./sub", "//sub?x=1"} {
		t.Run(target, func(t *testing.T) {
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); err != nil {
				t.Fatal(err)
			}
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusMovedPermanently || loc != "/sub/" {
				t.Errorf("status %d, Location %q; want 301 to /sub/ (a Location starting // names another host)", resp.StatusCode, loc)
			}
		})
	}
}

func TestBindAddress(t *testing.T) {
	tests := []struct{ addr, bind string }{
		{":1313", "127.0.0.1:1313"},
		{":0", "127.0.0.1:0"},
		{"127.0.0.1:1313", "127.0.0.1:1313"},
		{"localhost:8080", "localhost:8080"},
		{"0.0.0.0:1313", "0.0.0.0:1313"},
		{"[::1]:1313", "[::1]:1313"},
	}
	for _, tt := range tests {
		if got := bindAddress(tt.addr); got != tt.bind {
			t.Errorf("bindAddress(%q) = %q, want %q", tt.addr, got, tt.bind)
		}
	}
}
