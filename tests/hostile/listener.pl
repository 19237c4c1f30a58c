#!/usr/bin/perl
# A loopback TCP listener for tests/run-hostile.sh: writes its port to PORTFILE, then appends one line to LOG for every connection it accepts, until killed.
use strict;
use warnings;
use IO::Socket::INET;

my ($portfile, $log) = @ARGV;
die "usage: listener.pl PORTFILE LOG\n" unless defined $log;
my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0, Proto => 'tcp',
                                   Listen => 16, ReuseAddr => 1)
	or die "listener.pl: cannot listen: $!\n";
$SIG{TERM} = sub { exit 0 };
open my $p, '>', "$portfile.tmp" or die "listener.pl: $portfile: $!\n";
print $p $server->sockport, "\n";
close $p;
rename "$portfile.tmp", $portfile or die "listener.pl: $portfile: $!\n";
while (1) {
	my $client = $server->accept or next;
	open my $l, '>>', $log or die "listener.pl: $log: $!\n";
	print $l "connection from ", $client->peerhost, "\n";
	close $l;
	close $client;
}
