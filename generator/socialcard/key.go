package socialcard

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"strconv"
)

// keyword names the PNG text chunk that holds a card's Key.
const keyword = "casebook-card"

// Key identifies what a card shows, the same in every process: a card
// with the same Key is the same image. PNG writes it into the card, so
// that a build can tell whether the card it wrote last time can stay.
func Key(c Card) string {
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(strconv.Itoa(Version))
	field(c.Title)
	field(c.SiteTitle)
	for _, t := range c.Terms {
		field(t.Title)
		h.Write([]byte{t.Colour.R, t.Colour.G, t.Colour.B, t.Colour.A})
	}
	field("palette")
	for _, col := range c.Palette {
		h.Write([]byte{col.R, col.G, col.B, col.A})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// withKey puts a tEXt chunk holding key right after the IHDR chunk of
// the PNG data, where KeyOf finds it without reading the image.
func withKey(data []byte, key string) []byte {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	if len(data) < ihdrEnd {
		return data
	}
	body := append([]byte("tEXt"+keyword+"\x00"), key...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)-4))
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(body))
	out := make([]byte, 0, len(data)+len(chunk))
	out = append(out, data[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, data[ihdrEnd:]...)
}

// KeyOf returns the Key that PNG wrote into a card, or "" when data is
// not such a card.
func KeyOf(data []byte) string {
	const ihdrEnd = 8 + 4 + 4 + 13 + 4
	prefix := []byte("tEXt" + keyword + "\x00")
	if len(data) < ihdrEnd+8 || !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		return ""
	}
	n := int(binary.BigEndian.Uint32(data[ihdrEnd:]))
	rest := data[ihdrEnd+4:]
	if n > 200 || len(rest) < n+8 || !bytes.HasPrefix(rest, prefix) {
		return ""
	}
	body := rest[:4+n]
	if crc32.ChecksumIEEE(body) != binary.BigEndian.Uint32(rest[4+n:]) {
		return ""
	}
	return string(body[len(prefix):])
}
