package org.stockbridge.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An FTP server for tests of {@code ftp:} feeds: Apache MINA FtpServer on a free port of 127.0.0.1 (passive data
 * ports chosen freely too), one user with a password, its home a fresh temporary folder.
 * <p>
 * It can cut downloads short: after {@link #cutDownloadsAfter(int)} every download (RETR) sends that many bytes and
 * then fails with an I/O error, as when the connection drops mid-transfer; the server answers the transfer with an
 * error reply, the way a real server whose disk or link failed does. {@link #restoreDownloads()} ends it.
 * <pre>
 * static final EmbeddedFtpServer FTP = EmbeddedFtpServer.started("feed", "secret");
 * ...
 * FTP.put("feeds/stock.csv", bytes);
 * FTP.cutDownloadsAfter(64);   // ... FTP.restoreDownloads();
 * </pre>
 */
public class EmbeddedFtpServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    private static final String LISTENER = "default";

    private final String user;
    private final String password;
    private final AtomicInteger cutAfterBytes = new AtomicInteger(-1);
    private final AtomicInteger cutDownloads = new AtomicInteger();
    private final AtomicInteger downloads = new AtomicInteger();
    private FtpServer server;
    private Path root;
    private int port = -1;

    public EmbeddedFtpServer(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** A server already listening: for a static field whose port a {@code @DynamicPropertySource} passes on. */
    public static EmbeddedFtpServer started(String user, String password) {
        EmbeddedFtpServer server = new EmbeddedFtpServer(user, password);
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        root = Files.createTempDirectory("stockbridge-ftp-");
        try {
            PropertiesUserManagerFactory userManagerFactory = new PropertiesUserManagerFactory();
            userManagerFactory.setFile(null); // in memory only
            UserManager users = userManagerFactory.createUserManager();
            BaseUser account = new BaseUser();
            account.setName(user);
            account.setPassword(password);
            account.setHomeDirectory(root.toString());
            account.setAuthorities(List.of(new WritePermission()));
            account.setEnabled(true);
            users.save(account);

            NativeFileSystemFactory nativeFs = new NativeFileSystemFactory();
            nativeFs.setCreateHome(true);

            ConnectionConfigFactory connections = new ConnectionConfigFactory();
            connections.setAnonymousLoginEnabled(false);

            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(0); // a free port, read back below

            FtpServerFactory factory = new FtpServerFactory();
            factory.setUserManager(users);
            factory.setFileSystem(new CuttingFileSystemFactory(nativeFs));
            factory.setConnectionConfig(connections.createConnectionConfig());
            factory.addListener(LISTENER, listener.createListener());
            FtpServer created = factory.createServer();
            created.start();
            server = created;
            port = ((DefaultFtpServer) created).getListener(LISTENER).getPort();
        } catch (FtpException e) {
            throw new IOException("embedded FTP server does not start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            server = null;
            port = -1;
            if (root != null) {
                DropFiles.deleteTree(root);
                root = null;
            }
        }
    }

    public int port() {
        requireStarted();
        return port;
    }

    /** The user's home folder: what an FTP client sees as {@code /}. */
    public Path root() {
        requireStarted();
        return root;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Places a file under {@link #root()} the way a careful uploader does (written under a hidden name, then
     * renamed), so a consumer never lists it half-written; returns its local path.
     */
    public Path put(String relativePath, byte[] content) {
        Path file = root().resolve(relativePath);
        return DropFiles.drop(file.getParent(), file.getFileName().toString(), content);
    }

    /** From now on every download fails after {@code bytes} bytes, until {@link #restoreDownloads()}. */
    public void cutDownloadsAfter(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be 0 or more");
        }
        cutAfterBytes.set(bytes);
    }

    public void restoreDownloads() {
        cutAfterBytes.set(-1);
    }

    /** Downloads cut short so far. */
    public int cutDownloads() {
        return cutDownloads.get();
    }

    /** Downloads (RETR) started so far, whether they completed or were cut. */
    public int downloads() {
        return downloads.get();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("EmbeddedFtpServer is not started");
        }
    }

    /** The native file system, whose files' download streams can be made to fail part-way. */
    private final class CuttingFileSystemFactory implements FileSystemFactory {
        private final FileSystemFactory delegate;

        CuttingFileSystemFactory(FileSystemFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public FileSystemView createFileSystemView(org.apache.ftpserver.ftplet.User ftpUser) throws FtpException {
            FileSystemView view = delegate.createFileSystemView(ftpUser);
            return new FileSystemView() {
                @Override
                public FtpFile getHomeDirectory() throws FtpException {
                    return view.getHomeDirectory();
                }

                @Override
                public FtpFile getWorkingDirectory() throws FtpException {
                    return view.getWorkingDirectory();
                }

                @Override
                public boolean changeWorkingDirectory(String dir) throws FtpException {
                    return view.changeWorkingDirectory(dir);
                }

                @Override
                public FtpFile getFile(String file) throws FtpException {
                    return new CuttingFile(view.getFile(file));
                }

                @Override
                public boolean isRandomAccessible() throws FtpException {
                    return view.isRandomAccessible();
                }

                @Override
                public void dispose() {
                    view.dispose();
                }
            };
        }
    }

    /** Delegates everything; only the download stream is wrapped. */
    private final class CuttingFile implements FtpFile {
        private final FtpFile file;

        CuttingFile(FtpFile file) {
            this.file = file;
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            downloads.incrementAndGet();
            InputStream in = file.createInputStream(offset);
            int limit = cutAfterBytes.get();
            return limit < 0 ? in : new CutStream(in, limit);
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            return file.createOutputStream(offset);
        }

        @Override
        public boolean move(FtpFile destination) {
            // the native file system needs its own file objects (RNFR/RNTO, used by move=.done)
            return file.move(destination instanceof CuttingFile cutting ? cutting.file : destination);
        }

        @Override
        public String getAbsolutePath() {
            return file.getAbsolutePath();
        }

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public boolean isHidden() {
            return file.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return file.isDirectory();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public boolean doesExist() {
            return file.doesExist();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isWritable() {
            return file.isWritable();
        }

        @Override
        public boolean isRemovable() {
            return file.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return file.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return file.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return file.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return file.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return file.setLastModified(time);
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public Object getPhysicalFile() {
            return file.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return file.mkdir();
        }

        @Override
        public boolean delete() {
            return file.delete();
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            return file.listFiles();
        }
    }

    /** Passes {@code limit} bytes through, then fails as a dropped connection would. */
    private final class CutStream extends FilterInputStream {
        private final int limit;
        private long passed;

        CutStream(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (passed >= limit) {
                cutDownloads.incrementAndGet();
                throw new IOException("embedded FTP server: download cut after " + passed + " bytes (test switch)");
            }
            int n = super.read(b, off, (int) Math.min(len, limit - passed));
            if (n > 0) {
                passed += n;
            }
            return n;
        }
    }
}
