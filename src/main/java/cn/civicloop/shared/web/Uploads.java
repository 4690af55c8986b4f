package cn.civicloop.shared.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import cn.civicloop.shared.Upload;

/** Multipart files as uploads. A browser's empty file input (no name, no bytes) is not a photo. */
public final class Uploads {

    private Uploads() {
    }

    public static List<Upload> of(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())))
                .map(f -> {
                    try {
                        return new Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }
}
