# tests/lib/fake_mysql.pl SOCKET|tcp:PORTFILE VERSION: a fake MySQL server on a unix socket
# that announces VERSION, accepts any login (protocol 10 handshake, then an OK
# packet) and closes the connection at the first command: for the version
# check and for "server gone mid-run" (tests/db_extract.sh).
# SOCKET "tcp:FILE": listen on 127.0.0.1, a free port, written to FILE.
use strict; use warnings; use IO::Socket::UNIX; use IO::Socket::INET;
my $s;
if ($ARGV[0] =~ /^tcp:(.*)$/) {
    my $file = $1;
    $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Listen => 5, ReuseAddr => 1)
        or die "listen: $!";
    open(my $f, '>', "$file.tmp") or die "$file: $!";
    print $f $s->sockport, "\n";
    close $f;
    rename("$file.tmp", $file) or die "$file: $!";
} else {
    $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0], Listen => 5) or die "listen: $!";
}
while (my $c = $s->accept) {
    my $p = pack('C', 10) . $ARGV[1] . "\0" . pack('V', 1) . 'abcdefgh' . "\0"
        . pack('v', 0xA209) . pack('C', 33) . pack('v', 2) . pack('v', 0x0008) . pack('C', 21)
        . ("\0" x 10) . 'ijklmnopqrst' . "\0" . "mysql_native_password\0";
    print $c substr(pack('V', length $p), 0, 3) . pack('C', 0) . $p;
    my $h; read($c, $h, 4) == 4 or next;
    my ($len, $seq) = (unpack('V', substr($h, 0, 3) . "\0"), unpack('C', substr($h, 3, 1)));
    my $body; read($c, $body, $len);
    my $ok = pack('C*', 0, 0, 0, 2, 0, 0, 0);
    print $c substr(pack('V', length $ok), 0, 3) . pack('C', $seq + 1) . $ok;
    $c->flush; read($c, $h, 4); close $c;
}
